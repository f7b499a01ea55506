package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link ZuploJwtEndToEndTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class ZuploJwtEndToEndReactiveTests extends ZuploJwtEndToEndTests {

}
