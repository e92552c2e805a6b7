/** A runnable example of the ecocalc SDK: see {@link org.ecocalc.examples.quickstart.Quickstart}. */
package org.ecocalc.examples.quickstart;
