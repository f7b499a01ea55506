package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link ActuatorEndpointSecurityTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class ActuatorEndpointSecurityReactiveTests extends ActuatorEndpointSecurityTests {

}
