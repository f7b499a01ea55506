package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link RequestCorrelationTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class RequestCorrelationReactiveTests extends RequestCorrelationTests {

}
