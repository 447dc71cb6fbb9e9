/**
 * Emulators of a run's quantities of interest straight from its inputs: a control variate that costs
 * microseconds a sample, beside the submodel under generated traces, whose errors differ from it.
 */
package org.submodeluq.surrogate.emulator;
