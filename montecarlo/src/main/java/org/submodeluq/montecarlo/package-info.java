/** Monte Carlo estimation of the zone's quantities of interest with the submodel solver. */
package org.submodeluq.montecarlo;
