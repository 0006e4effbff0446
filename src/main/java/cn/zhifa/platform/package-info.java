/**
 * Platform: the embedded Camunda engine's configuration, model deployment from {@code processes/},
 * {@code dmn/} and {@code forms/}, security (Camunda identity for every login, agencies as tenants)
 * and start-up failure messages. Features build on this package; it knows none of them.
 */
package cn.zhifa.platform;
