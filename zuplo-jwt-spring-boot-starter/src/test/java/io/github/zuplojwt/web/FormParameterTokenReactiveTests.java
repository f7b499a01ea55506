package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link FormParameterTokenTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class FormParameterTokenReactiveTests extends FormParameterTokenTests {

}
