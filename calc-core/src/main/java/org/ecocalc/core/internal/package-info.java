/**
 * Internal: not API. Types here may change in any release without notice; do not use them from
 * outside ecocalc.
 */
package org.ecocalc.core.internal;
