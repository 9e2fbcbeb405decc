/**
 * Adapters from Spring configuration to the sdk's settings layers; no resolution rules live here.
 */
package dev.gatewaykit.spring.settings;
