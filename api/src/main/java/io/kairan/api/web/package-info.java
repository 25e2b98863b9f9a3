/** How HTTP bodies are read and written: with the model's own JSON codec, limits included. */
package io.kairan.api.web;
