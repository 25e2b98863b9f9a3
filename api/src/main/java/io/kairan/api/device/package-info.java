/** A resident registers the devices that receive their pushes. */
package io.kairan.api.device;
