/**
 * Campaigns past one machine: samples described so that another JVM can compute them
 * ({@link org.submodeluq.core.engine.SampleWork}), and the cluster engine that runs them
 * ({@link org.submodeluq.core.engine.ClusterEngine}), found at run time so that Spark stays out of the
 * command line's class path unless it is asked for.
 */
package org.submodeluq.core.engine;
