package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link StalledKeyServerTests} on the reactive stack (WebFlux on Reactor Netty).
 */
@ReactiveStack
class StalledKeyServerReactiveTests extends StalledKeyServerTests {

}
