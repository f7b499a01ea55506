package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link CustomBearerHeaderTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class CustomBearerHeaderReactiveTests extends CustomBearerHeaderTests {

}
