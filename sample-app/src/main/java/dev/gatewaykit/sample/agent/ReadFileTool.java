package dev.gatewaykit.sample.agent;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import dev.gatewaykit.sample.gateway.JsonSchemas;
import dev.gatewaykit.sample.search.Corpus;
import dev.gatewaykit.sample.search.CorpusDocument;

import org.springframework.stereotype.Component;

/**
 * The {@code read_file} function the agent offers the model: the files are the documents of the bundled corpus,
 * named by their id. A call the app cannot serve (unknown file, arguments that are not the schema's) answers with
 * an error text, so the model can correct itself instead of the loop failing.
 */
@Component
public class ReadFileTool {

    /** The function's name on the wire. */
    public static final String NAME = "read_file";

    /** The function's parameters: the JSON schema of {@link ReadFile}, strict. */
    public static final String PARAMETERS = """
            {"type": "object",
             "properties": {"path": {"type": "string", "description": "The file to read, one of the listed files"}},
             "required": ["path"],
             "additionalProperties": false}""";

    private static final FunctionTool FUNCTION = FunctionTool.builder()
        .name(NAME)
        .description("Reads one file of the documentation corpus and returns its title and text")
        .parameters(FunctionTool.Parameters.builder()
            .putAllAdditionalProperties(JsonSchemas.keywords(PARAMETERS))
            .build())
        .strict(true)
        .build();

    private final Corpus corpus;

    public ReadFileTool(Corpus corpus) {
        this.corpus = corpus;
    }

    /** The file names the model may ask for. */
    public List<String> files() {
        return this.corpus.documents().stream().map(CorpusDocument::id).toList();
    }

    /**
     * Offers the function in a request.
     * @param params the request being built
     * @return {@code params}
     */
    ResponseCreateParams.Builder offer(ResponseCreateParams.Builder params) {
        return params.addTool(FUNCTION);
    }

    /**
     * Runs one call of the function.
     * @param call the model's function call
     * @return the output to send back
     */
    String run(ResponseFunctionToolCall call) {
        ReadFile arguments;
        try {
            arguments = JsonSchemas.read(call.arguments(), ReadFile.class);
        }
        catch (JsonProcessingException ex) {
            return "error: the arguments are not {\"path\": \"<file>\"}: " + call.arguments();
        }
        return read(arguments.path()).map((document) -> "# " + document.title() + "\n" + document.text())
            .orElseGet(() -> "error: no file '" + arguments.path() + "'; the files are " + String.join(", ", files()));
    }

    private Optional<CorpusDocument> read(String path) {
        return this.corpus.documents().stream().filter((document) -> document.id().equals(path)).findFirst();
    }

}
