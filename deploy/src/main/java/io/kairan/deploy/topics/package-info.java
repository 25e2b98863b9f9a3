/**
 * Kairan's topics on a cluster from the one definition in code: the topics command
 * (deploy/topics.sh) and the setup the local stack uses too.
 */
package io.kairan.deploy.topics;
