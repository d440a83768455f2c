"""Demo data of the judging app: loader.py loads it (cms/demo/loader.py calls it), each
module builds one part."""
