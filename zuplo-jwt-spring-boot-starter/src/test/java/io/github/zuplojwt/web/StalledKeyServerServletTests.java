package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link StalledKeyServerTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class StalledKeyServerServletTests extends StalledKeyServerTests {

}
