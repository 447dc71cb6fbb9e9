/** The {@code submodel-uq} command line: one class per subcommand. */
package org.submodeluq.cases.cli;
