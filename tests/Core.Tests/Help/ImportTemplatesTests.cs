using InfraLedger.Core.Help;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Help;

/// <summary>The import templates are made from the importers' own vocabularies (one rule for the headers).</summary>
[Trait("Database", "any")] // no database
public class ImportTemplatesTests
{
    [Fact]
    public void every_template_has_every_required_column_of_its_importer_and_only_known_headers()
    {
        foreach (var template in ImportTemplates.All)
        {
            var vocabulary = Vocabularies.Get(template.Vocabulary);
            var headers = template.Table().Headers;
            headers.ShouldBeSubsetOf(vocabulary.Fields.Select(f => f.Label), template.Id);
            foreach (var required in vocabulary.Fields.Where(f => f.Required))
            {
                headers.ShouldContain(required.Label, template.Id);
            }

            headers.ShouldBeUnique();
            template.Samples.ShouldNotBeEmpty();
            foreach (var sample in template.Samples)
            {
                sample.Keys.ShouldBeSubsetOf(template.Fields.Select(f => f.Name), template.Id);
            }
        }
    }

    [Fact]
    public void every_template_is_on_a_help_page_and_topics_have_unique_ids()
    {
        foreach (var template in ImportTemplates.All)
        {
            HelpTopics.Of(template).ShouldNotBeNull(template.Id);
        }

        HelpTopics.All.Select(t => t.Id).ShouldBeUnique();
        ImportTemplates.All.Select(t => t.Id).ShouldBeUnique();
    }
}
