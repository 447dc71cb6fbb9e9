/**
 * Files the project's way: HDF5 written under a temporary name and renamed into place once complete,
 * opened only after their format attribute is checked, and the append-only record log that makes a
 * campaign's checkpoint crash-safe.
 */
package org.submodeluq.core.io;
