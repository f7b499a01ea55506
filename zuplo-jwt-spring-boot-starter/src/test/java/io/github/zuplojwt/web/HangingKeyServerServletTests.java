package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link HangingKeyServerTests} on the servlet stack: Tomcat with 8 worker threads, on
 * platform threads.
 */
@ServletStack
class HangingKeyServerServletTests extends HangingKeyServerTests {

}
