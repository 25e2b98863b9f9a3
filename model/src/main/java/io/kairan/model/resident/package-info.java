/**
 * Residents: the opt-in profile with its consents and quiet hours, their devices, and their
 * feedback. Keyed by resident id; a tombstone deletes.
 */
package io.kairan.model.resident;
