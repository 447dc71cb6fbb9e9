/**
 * How long work reports its progress, without knowing whether a terminal, a log or nothing listens.
 */
package org.submodeluq.core.progress;
