package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link HealthEndpointTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class HealthEndpointReactiveTests extends HealthEndpointTests {

}
