/**
 * The Spark engine of {@code generate} and {@code mc}: one Spark task per sample (or batch), each computed
 * by an executor from the campaign's description, its record streamed back to the driver's checkpoint.
 */
package org.submodeluq.spark;
