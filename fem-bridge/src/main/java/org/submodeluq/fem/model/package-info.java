/** The case's physics: random inputs, modulus field, impact load, full model, submodel and quantities of interest. */
package org.submodeluq.fem.model;
