/**
 * The seams between the core and the adapter of each Spring Boot generation: what the core
 * asks of the running generation (Actuator's endpoint matchers, adjustments of the built
 * filter chain). Not API.
 */
package io.github.zuplojwt.internal.boot;
