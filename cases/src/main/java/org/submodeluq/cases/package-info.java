/** Study cases end to end: the command line and the pipelines behind it. */
package org.submodeluq.cases;
