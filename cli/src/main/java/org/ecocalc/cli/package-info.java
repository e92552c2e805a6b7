/** The {@code ecocalc} command. Not a library API. */
package org.ecocalc.cli;
