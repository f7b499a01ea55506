package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link HangingKeyServerTests} on the reactive stack, where the requests that wait for keys
 * wait on Reactor's {@code boundedElastic} scheduler.
 */
@ReactiveStack
class HangingKeyServerReactiveTests extends HangingKeyServerTests {

}
