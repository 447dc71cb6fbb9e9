/** The project's HDF5 files as CSV tables and JSON, for pandas, spreadsheets and scripts. */
package org.submodeluq.cases.export;
