/**
 * What every module of submodel-uq shares, at the bottom of the module graph: the user-input error
 * that the command line prints as one line, {@link org.submodeluq.core.Named} for choices spelled in
 * words, and the facts of this build that result files record.
 */
package org.submodeluq.core;
