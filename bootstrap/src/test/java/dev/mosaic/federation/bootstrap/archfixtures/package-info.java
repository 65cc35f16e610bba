/**
 * Deliberately bad classes that each break one {@code ArchitectureRules} rule, laid out like the
 * real hexagon under this root. Never part of the production import.
 */
package dev.mosaic.federation.bootstrap.archfixtures;
