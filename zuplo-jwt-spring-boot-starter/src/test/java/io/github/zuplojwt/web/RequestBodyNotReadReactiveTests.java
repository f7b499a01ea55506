package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link RequestBodyNotReadTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class RequestBodyNotReadReactiveTests extends RequestBodyNotReadTests {

}
