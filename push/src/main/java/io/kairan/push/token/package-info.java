/** Residents' devices, read whole from the compacted devices.v1 topic into memory. */
package io.kairan.push.token;
