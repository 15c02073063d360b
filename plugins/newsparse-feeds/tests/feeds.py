"""Hand-written feeds for the tests, one quirk each where they are small."""

from __future__ import annotations

RSS2 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Harbour Times</title>
  <link>https://harbour.example/news/</link>
  <language>en-GB</language>
  <item>
    <title>Ferry returns to the harbour</title>
    <link>/2024/ferry</link>
    <guid isPermaLink="false">harbour-1</guid>
    <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
    <author>desk@harbour.example (Ann Writer)</author>
    <dc:creator>Bo Helper</dc:creator>
    <category>Transport</category>
    <category>Local</category>
    <description>The ferry is back.</description>
    <content:encoded><![CDATA[<p>The ferry came back on Tuesday after a long repair.</p>
<h2>Timetable</h2><p>It sails twice a day from now on.</p>
<figure><img src="/img/ferry.jpg" alt="The ferry">
<figcaption>At the quay.</figcaption></figure>]]></content:encoded>
  </item>
  <item>
    <title>Second story</title>
    <link>https://harbour.example/2024/second</link>
    <description>Only a teaser.</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr" xml:base="https://quai.example/">
  <title>Le Quai</title>
  <link href="https://quai.example/"/>
  <id>urn:quai:feed</id>
  <updated>2024-03-05T10:00:00Z</updated>
  <author><name>La Redaction</name></author>
  <entry>
    <title type="html">Le &lt;em&gt;bac&lt;/em&gt; revient</title>
    <link rel="alternate" href="articles/bac"/>
    <link rel="enclosure" type="image/jpeg" href="img/bac.jpg" title="Le bac"/>
    <id>urn:quai:1</id>
    <published>2024-03-05T09:30:00+01:00</published>
    <updated>2024-03-05T10:00:00+01:00</updated>
    <author><name>Anne Auteur</name></author>
    <category term="transport" label="Transport"/>
    <category term="local"/>
    <summary>Le bac est de retour.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>Le bac est revenu mardi.</p><p>Il part deux fois par jour.</p>
    </div></content>
  </entry>
  <entry>
    <title>Sans auteur</title>
    <id>urn:quai:2</id>
    <updated>2024-03-04T10:00:00Z</updated>
    <content type="text">Premier paragraphe.

Second paragraphe.</content>
  </entry>
</feed>
"""

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF News</title>
    <link>https://rdf.example/</link>
    <dc:language>de</dc:language>
  </channel>
  <item rdf:about="https://rdf.example/1">
    <title>Eins</title>
    <link>https://rdf.example/1</link>
    <description>Die erste Meldung.</description>
    <dc:date>2024-03-05T08:00:00+01:00</dc:date>
    <dc:creator>Eva Schreiber</dc:creator>
    <dc:subject>Politik</dc:subject>
  </item>
</rdf:RDF>
"""


def rss(items: str, channel: str = "<title>T</title><link>https://t.example/</link>") -> str:
    """Return an RSS 2.0 feed with ``items`` (markup) in a channel holding ``channel``."""
    return (
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel>{channel}{items}</channel></rss>"
    )


def atom(entries: str, head: str = "<title>F</title>") -> str:
    """Return an Atom feed with ``entries`` (markup) after ``head``."""
    return f'<feed xmlns="http://www.w3.org/2005/Atom">{head}{entries}</feed>'
