package org.hotline12345.knowledge;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.hotline12345.forms.FormSchema;
import org.hotline12345.forms.FormSchemas;
import org.hotline12345.workorder.WorkOrderProcess;
import org.springframework.stereotype.Component;

/**
 * The work-order categories an article may belong to: the codes the deployed work-order start form
 * offers (the same list as {@code GET /api/catalog}), so the knowledge base and intake never
 * disagree on a code.
 */
@Component
class Categories {

  private final RepositoryService repository;
  private final FormService forms;
  private final FormSchemas schemas;

  Categories(RepositoryService repository, FormService forms, FormSchemas schemas) {
    this.repository = repository;
    this.forms = forms;
    this.schemas = schemas;
  }

  boolean exists(String code) {
    return options().stream().anyMatch(o -> o.value().equals(code));
  }

  /** The Chinese name of a category (e.g. 公积金提取), empty if the code is unknown. */
  Optional<String> nameOf(String code) {
    return options().stream().filter(o -> o.value().equals(code)).map(o -> o.label()).findFirst();
  }

  private List<FormSchema.Option> options() {
    ProcessDefinition latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(WorkOrderProcess.KEY)
            .latestVersion()
            .singleResult();
    return schemas
        .forStartForm(forms, latest.getId())
        .field(WorkOrderProcess.Vars.CATEGORY)
        .map(FormSchema.Field::options)
        .orElse(List.of());
  }
}
