/** How far generated samples are from held-out ones. */
package org.submodeluq.surrogate.metrics;
