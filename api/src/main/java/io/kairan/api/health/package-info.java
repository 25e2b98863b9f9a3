/**
 * Whether the system behind the API is working: the recommender job's state on Flink, how far it is
 * behind each of its inputs, and how many records were dead-lettered. Everything here answers
 * within a short timeout, so a health probe never hangs on a component that does not answer.
 */
package io.kairan.api.health;
