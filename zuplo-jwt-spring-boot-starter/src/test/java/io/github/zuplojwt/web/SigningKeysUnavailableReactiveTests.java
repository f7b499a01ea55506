package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link SigningKeysUnavailableTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class SigningKeysUnavailableReactiveTests extends SigningKeysUnavailableTests {

}
