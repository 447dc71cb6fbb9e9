/**
 * The {@code submodel-uq} command line: one class per subcommand, the mixins of the options several
 * share ({@code --seed}, {@code --threads}, {@code --quiet}, {@code --device}, {@code --out}) and the
 * converters of option values; the only place that declares a flag.
 */
package org.submodeluq.cases.cli;
