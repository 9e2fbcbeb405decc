package dev.gatewaykit.sample.agent;

/**
 * Arguments of the {@code read_file} function, as the model sends them ({@link ReadFileTool#PARAMETERS}).
 * @param path the file to read: the id of a corpus document
 */
public record ReadFile(String path) {
}
