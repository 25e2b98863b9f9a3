/**
 * Deliveries: the recommender's decision that a resident gets a notice, through which channel and
 * why; and the outcome of pushing it.
 */
package io.kairan.model.delivery;
