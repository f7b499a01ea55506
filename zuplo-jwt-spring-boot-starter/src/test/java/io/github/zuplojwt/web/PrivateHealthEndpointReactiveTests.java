package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link PrivateHealthEndpointTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class PrivateHealthEndpointReactiveTests extends PrivateHealthEndpointTests {

}
