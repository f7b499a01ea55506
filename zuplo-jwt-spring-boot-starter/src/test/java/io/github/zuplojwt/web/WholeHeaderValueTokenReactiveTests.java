package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link WholeHeaderValueTokenTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class WholeHeaderValueTokenReactiveTests extends WholeHeaderValueTokenTests {

}
