/** JMH benchmarks of ecocalc and the synthetic telemetry generator (not API, never deployed). */
package org.ecocalc.bench;
