/** The end-to-end job: training set, generators, Monte Carlo, comparison and report, each stage reused when its inputs did not change. */
package org.submodeluq.cases.pipeline;
