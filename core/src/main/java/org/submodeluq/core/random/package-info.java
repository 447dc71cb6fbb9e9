/**
 * Keyed random streams: every random draw of the project comes from a stream named by a key and an
 * index, so results do not depend on thread counts, batch sizes or resumes.
 */
package org.submodeluq.core.random;
