/** The report of a run directory: figures, tables and provenance in static HTML and Markdown, read from the run's files alone. */
package org.submodeluq.cases.report;
