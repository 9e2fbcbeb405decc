package dev.gatewaykit.sample.agent;

/**
 * One function call the model made and the app ran.
 * @param turn the model turn that asked for it (1 = the first answer)
 * @param name the function
 * @param arguments the arguments as the model sent them (a JSON string)
 * @param output what the app sent back
 */
public record ToolStep(int turn, String name, String arguments, String output) {
}
