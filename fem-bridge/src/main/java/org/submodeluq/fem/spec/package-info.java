/** The case description: a YAML file bound to immutable, validated records. */
package org.submodeluq.fem.spec;
